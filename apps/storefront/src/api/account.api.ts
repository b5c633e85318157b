import { apiRequest } from './http.ts';
import type { LoginResponse, NotificationPage, User } from './types.ts';

export const accountApi = {
  register: (body: { email: string; password: string; name: string }) => apiRequest<User>('/api/auth/register', { method: 'POST', body }),
  login: (body: { email: string; password: string }) => apiRequest<LoginResponse>('/api/auth/login', { method: 'POST', body }),
  // The cookie names the session to end; identity clears it in the answer.
  logout: () => apiRequest<void>('/api/auth/logout', { method: 'POST', body: {} }),
  notifications: (cursor: string | undefined, signal?: AbortSignal) =>
    apiRequest<NotificationPage>(`/api/notifications${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, { signal }),
  markRead: (id: string) => apiRequest<unknown>(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST', body: {} }),
};
