/**
 * Messages this project writes itself (Payload translates its own). Vietnamese first; English
 * for a user who switched the admin to English.
 */
import { APIError, type PayloadRequest } from 'payload'

export interface Message {
  vi: string
  en: string
}

export function localize(req: PayloadRequest | undefined, message: Message): string {
  return req?.i18n?.language === 'en' ? message.en : message.vi
}

/** A refusal the user caused and is told about: logged as information, not as a server fault. */
export class UserFacingError extends APIError {
  constructor(message: string, status: number) {
    super(message, status, undefined, true)
    this.name = 'UserFacingError'
  }
}

/** An error whose message is shown to the user as it is, with a 4xx status. */
export function userError(req: PayloadRequest | undefined, status: number, message: Message) {
  return new UserFacingError(localize(req, message), status)
}

export const MESSAGES = {
  fieldForbidden: (label: Message): Message => ({
    vi: `Bạn không có quyền thay đổi trường "${label.vi}".`,
    en: `You may not change the field "${label.en}".`,
  }),
} satisfies Record<string, Message | ((...args: never[]) => Message)>
