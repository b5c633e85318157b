import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import CategoryPage from '../pages/category-page.tsx';
import HomePage from '../pages/home-page.tsx';
import NotFoundPage from '../pages/not-found-page.tsx';
import { Layout } from './layout.tsx';
import { RequireAuth } from './require-auth.tsx';

// Browsing is in the first bundle, so the catalog is usable as soon as it loads; every other page
// (and the whole admin console) arrives when it is first opened.
const SearchPage = lazy(() => import('../pages/search-page.tsx'));
const ProductPage = lazy(() => import('../pages/product-page.tsx'));
const CartPage = lazy(() => import('../pages/cart-page.tsx'));
const CheckoutPage = lazy(() => import('../pages/checkout-page.tsx'));
const LoginPage = lazy(() => import('../pages/login-page.tsx'));
const RegisterPage = lazy(() => import('../pages/register-page.tsx'));
const OrderPage = lazy(() => import('../pages/order-page.tsx'));
const OrdersPage = lazy(() => import('../pages/orders-page.tsx'));
const NotificationsPage = lazy(() => import('../pages/notifications-page.tsx'));
const AdminLayout = lazy(() => import('../admin/admin-layout.tsx'));
const AdminProductsPage = lazy(() => import('../admin/admin-products-page.tsx'));
const ProductFormPage = lazy(() => import('../admin/product-form-page.tsx'));
const StockPage = lazy(() => import('../admin/stock-page.tsx'));
const AdminOrdersPage = lazy(() => import('../admin/admin-orders-page.tsx'));
const AdminOrderPage = lazy(() => import('../admin/admin-order-page.tsx'));
const SystemPage = lazy(() => import('../admin/system-page.tsx'));

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'categories/:slug', element: <CategoryPage /> },
      { path: 'search', element: <SearchPage /> },
      { path: 'products/:id', element: <ProductPage /> },
      { path: 'cart', element: <CartPage /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'register', element: <RegisterPage /> },
      { path: 'checkout', element: <RequireAuth><CheckoutPage /></RequireAuth> },
      { path: 'orders', element: <RequireAuth><OrdersPage /></RequireAuth> },
      { path: 'orders/:id', element: <RequireAuth><OrderPage /></RequireAuth> },
      { path: 'notifications', element: <RequireAuth><NotificationsPage /></RequireAuth> },
      {
        path: 'admin',
        element: <AdminLayout />,
        children: [
          { index: true, element: <AdminProductsPage /> },
          { path: 'products/new', element: <ProductFormPage /> },
          { path: 'products/:id', element: <ProductFormPage /> },
          { path: 'stock/:sku', element: <StockPage /> },
          { path: 'orders', element: <AdminOrdersPage /> },
          { path: 'orders/:id', element: <AdminOrderPage /> },
          { path: 'system', element: <SystemPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
