import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'

import { AdminPage } from '../AdminPage'
import { accountRestriction, RESTRICTION_MESSAGES } from '../../auth/account-restriction'
import type { User } from '../../payload-types'
import { TotpPanel } from './TotpPanel'
import './account.scss'

/**
 * /admin/totp: the second factor (Điều 4). Set up an authenticator app, or enter its code after
 * the password; until then the rest of the admin is closed to an account that needs one.
 */
export async function TotpView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const user = req.user as User | null
  const restriction = await accountRestriction(req)
  const enabled = Boolean(user?.totpEnabled)
  const verified = enabled && restriction !== 'totpCodeRequired'

  return (
    <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <Gutter className="totp-view">
        <h1>Xác thực hai lớp (mã TOTP)</h1>
        {restriction === 'totpCodeRequired' || restriction === 'totpSetupRequired' ? (
          <p className="account-notice">{RESTRICTION_MESSAGES[restriction].vi}</p>
        ) : null}
        {verified ? (
          <p>Tài khoản của bạn đã bật xác thực hai lớp và phiên làm việc này đã được xác nhận.</p>
        ) : user ? (
          <TotpPanel enabled={enabled} />
        ) : (
          <p>Cần đăng nhập.</p>
        )}
      </Gutter>
    </AdminPage>
  )
}
