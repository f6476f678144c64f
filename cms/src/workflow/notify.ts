/**
 * Tells the people who can act on a post that it reached them (Điều 7, 6, 17.3): in the admin they
 * see it on their dashboard; by email too when SMTP is configured. Recipients come from the same
 * policy as the workflow buttons, so nobody is told about a step they cannot take.
 */
import type { Payload, PayloadRequest } from 'payload'
import { ACTION_LABELS, STAGE_LABELS, type Stage, type WorkflowAction } from '@school/shared'

import { workflowPolicy } from '../access/policy'
import { smtpConfigured } from '../email'
import { sameId } from '../lib/ids'
import type { Post, User } from '../payload-types'
import { loadPostContext } from './context'
import { TRANSITIONS } from './transitions'

/** Stages where the post is back with its writers: they are told, not the whole group. */
const BACK_TO_WRITERS: Stage[] = ['returned', 'published', 'draft']

/** Every account, to ask the policy which of them may take a step (not a read of their data). */
async function allStaff(req: PayloadRequest): Promise<User[]> {
  const { docs } = await req.payload.find({
    collection: 'users',
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  return docs
}

export async function recipientsFor(
  req: PayloadRequest,
  post: Post,
): Promise<Array<Pick<User, 'id' | 'email' | 'fullName'>>> {
  const staff = await allStaff(req)
  const context = await loadPostContext(req, post)
  const stage = post.stage as Stage
  if (BACK_TO_WRITERS.includes(stage)) {
    return staff.filter((person) =>
      context.post.authors.some((author: User['id']) => sameId(author, person.id)),
    )
  }
  const steps = TRANSITIONS.filter((transition) => transition.from === stage)
  const recipients: User[] = []
  for (const person of staff) {
    for (const step of steps) {
      if ((await workflowPolicy[step.who]({ user: person, req, post: context })) === true) {
        recipients.push(person)
        break
      }
    }
  }
  return recipients
}

function message(post: Post, action: WorkflowAction, adminURL: string) {
  const stage = STAGE_LABELS[post.stage as Stage].vi
  return {
    subject: `[Website] ${post.title} — ${stage}`,
    text: [
      `Bài viết "${post.title}" vừa được "${ACTION_LABELS[action].vi}" và đang ở bước "${stage}".`,
      post.returnComment && post.stage === 'returned' ? `Ý kiến: ${post.returnComment}` : '',
      `Mở bài viết: ${adminURL}/collections/posts/${post.id}`,
    ]
      .filter(Boolean)
      .join('\n\n'),
  }
}

/** Sends the emails after the step is saved; a mail failure is logged, never undoes the step. */
export async function notifyStep(
  payload: Payload,
  req: PayloadRequest,
  post: Post,
  action: WorkflowAction,
): Promise<number> {
  if (!smtpConfigured() || req.context?.notify === false) return 0
  const recipients = (await recipientsFor(req, post)).filter(
    (person) => !sameId(person.id, req.user?.id),
  )
  const adminURL = `${payload.config.serverURL}${payload.config.routes.admin}`
  const { subject, text } = message(post, action, adminURL)
  let sent = 0
  for (const person of recipients) {
    try {
      await payload.sendEmail({ to: person.email, subject, text })
      sent += 1
    } catch (error) {
      payload.logger.error({
        err: error,
        msg: `Could not email ${person.email} about post ${post.id}`,
      })
    }
  }
  return sent
}

/**
 * Tells the website's managers (who publish, `workflowPolicy.publisher`) that posts came down
 * because a pupil's consent was withdrawn (Law 91/2025): they must not publish them again with
 * the pupil, and may have copies elsewhere (social pages) to take down too.
 */
export async function notifyConsentTakedown(
  payload: Payload,
  req: PayloadRequest,
  posts: Array<Pick<Post, 'id' | 'title'>>,
): Promise<number> {
  if (!smtpConfigured() || req.context?.notify === false || posts.length === 0) return 0
  const staff = await allStaff(req)
  const adminURL = `${payload.config.serverURL}${payload.config.routes.admin}`
  const subject = `[Website] Gỡ ${posts.length} bài do rút lại sự đồng ý`
  const text = [
    'Cha mẹ/người giám hộ (hoặc học sinh) đã rút lại sự đồng ý đăng tên, hình ảnh của một học ' +
      'sinh. Hệ thống đã gỡ khỏi website các bài sau (Luật Bảo vệ dữ liệu cá nhân 91/2025):',
    ...posts.map((post) => `- ${post.title}: ${adminURL}/collections/posts/${post.id}`),
    'Không đăng lại các bài này khi còn tên, ảnh của học sinh; gỡ cả bản sao ở nơi khác ' +
      '(trang mạng xã hội của trường) nếu có.',
  ].join('\n\n')
  let sent = 0
  for (const person of staff) {
    if ((await workflowPolicy.publisher({ user: person, req })) !== true) continue
    try {
      await payload.sendEmail({ to: person.email, subject, text })
      sent += 1
    } catch (error) {
      payload.logger.error({ err: error, msg: `Could not email ${person.email} about a take-down` })
    }
  }
  return sent
}
