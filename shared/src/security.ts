/**
 * The words of the security log (ASVS V16): what happened to an account or a request. Slugs are
 * stored in the database: never rename one.
 */
type Labels<K extends string> = Record<K, { vi: string; en: string }>

export const SECURITY_EVENTS = [
  'login_succeeded',
  'login_failed',
  'login_throttled',
  'account_locked',
  'account_unlocked',
  'logout',
  'password_changed',
  'password_reset_requested',
  'password_reset',
  'roles_changed',
  'delegation_changed',
  'account_created',
  'account_deleted',
  'authorization_denied',
] as const
export type SecurityEvent = (typeof SECURITY_EVENTS)[number]
export const SECURITY_EVENT_LABELS: Labels<SecurityEvent> = {
  login_succeeded: { vi: 'Đăng nhập thành công', en: 'Login succeeded' },
  login_failed: { vi: 'Đăng nhập thất bại', en: 'Login failed' },
  login_throttled: {
    vi: 'Đăng nhập bị chặn (quá nhiều lần sai)',
    en: 'Login refused (too many failures)',
  },
  account_locked: { vi: 'Tài khoản bị tạm khóa', en: 'Account locked' },
  account_unlocked: { vi: 'Mở khóa tài khoản', en: 'Account unlocked' },
  logout: { vi: 'Đăng xuất', en: 'Logout' },
  password_changed: { vi: 'Đổi mật khẩu', en: 'Password changed' },
  password_reset_requested: { vi: 'Yêu cầu đặt lại mật khẩu', en: 'Password reset requested' },
  password_reset: { vi: 'Đặt lại mật khẩu', en: 'Password reset' },
  roles_changed: { vi: 'Đổi vai trò', en: 'Roles changed' },
  delegation_changed: { vi: 'Đổi ủy quyền quản lý tài khoản', en: 'Delegation changed' },
  account_created: { vi: 'Tạo tài khoản', en: 'Account created' },
  account_deleted: { vi: 'Xóa tài khoản', en: 'Account deleted' },
  authorization_denied: { vi: 'Bị từ chối truy cập', en: 'Authorization denied' },
}
