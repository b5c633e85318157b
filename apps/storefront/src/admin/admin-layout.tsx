import { NavLink, Outlet } from 'react-router';
import { RequireAuth } from '../app/require-auth.tsx';

/** The admin console's frame: only for accounts whose token carries the admin role. */
export default function AdminLayout() {
  return (
    <RequireAuth admin>
      <div className="admin">
        <nav aria-label="Admin" className="admin-nav">
          <ul>
            <li>
              <NavLink to="/admin" end>
                Products
              </NavLink>
            </li>
            <li>
              <NavLink to="/admin/orders">Orders</NavLink>
            </li>
            <li>
              <NavLink to="/admin/system">System</NavLink>
            </li>
          </ul>
        </nav>
        <Outlet />
      </div>
    </RequireAuth>
  );
}
