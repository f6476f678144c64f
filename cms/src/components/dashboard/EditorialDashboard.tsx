import type { ServerProps } from 'payload'
import {
  ACTION_LABELS,
  IN_REVIEW_STAGES,
  STAGE_LABELS,
  STAGES,
  formatDateVi,
  type Stage,
  type WorkflowAction,
} from '@school/shared'

import { accountRestriction } from '../../auth/account-restriction'
import type { Post } from '../../payload-types'
import { availableActions } from '../../workflow/available'
import { adminRequest } from '../adminRequest'
import './dashboard.scss'

const TEXT = {
  waiting: { vi: 'Bài chờ tôi xử lý', en: 'Waiting for me' },
  none: { vi: 'Không có bài nào chờ bạn.', en: 'Nothing is waiting for you.' },
  counts: { vi: 'Bài viết theo bước duyệt', en: 'Posts by stage' },
  myDrafts: { vi: 'Bản nháp của tôi', en: 'My drafts' },
  assigned: { vi: 'Bài được phân công cho tôi', en: 'Assigned to me' },
  due: { vi: 'Hạn nộp', en: 'Due' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  title: { vi: 'Tiêu đề', en: 'Title' },
  stage: { vi: 'Bước', en: 'Stage' },
  todo: { vi: 'Việc cần làm', en: 'To do' },
  updated: { vi: 'Cập nhật', en: 'Updated' },
}

/**
 * The editorial board's start page: what waits for this user (by the same policy as the workflow
 * buttons), and how many posts stand at each stage.
 */
export async function EditorialDashboard({ payload, user, i18n }: ServerProps) {
  if (!user) return null
  const lang = i18n.language === 'en' ? 'en' : 'vi'
  const adminRoute = payload.config.routes.admin
  const req = await adminRequest(payload)
  // Asked as the full account (see adminRequest), not the `user` prop.
  const asUser = { user: req.user, req, overrideAccess: false, depth: 0, draft: true } as const
  // The account must change its password or enter its code first (components/account).
  if (await accountRestriction(req)) return null

  const counts = await Promise.all(
    STAGES.map(async (stage) => {
      const { totalDocs } = await payload.find({
        collection: 'posts',
        ...asUser,
        where: { stage: { equals: stage } },
        limit: 1,
        select: {},
      })
      return [stage, totalDocs] as const
    }),
  )

  const { docs: inProgress } = await payload.find({
    collection: 'posts',
    ...asUser,
    where: { stage: { in: [...IN_REVIEW_STAGES, 'returned'] } },
    sort: '-updatedAt',
    limit: 200,
  })
  const waiting: Array<{ post: Post; actions: WorkflowAction[] }> = []
  for (const post of inProgress) {
    const actions = await availableActions(req, post)
    if (actions.length > 0) waiting.push({ post, actions })
  }

  const { docs: myDrafts } = await payload.find({
    collection: 'posts',
    ...asUser,
    where: { and: [{ stage: { equals: 'draft' } }, { authors: { equals: user.id } }] },
    sort: '-updatedAt',
    limit: 10,
  })

  const { docs: assigned } = await payload.find({
    collection: 'assignments',
    user: req.user,
    req,
    overrideAccess: false,
    depth: 0,
    where: { and: [{ writer: { equals: user.id } }, { status: { not_equals: 'published' } }] },
    sort: 'dueDate',
    limit: 20,
  })
  const now = Date.now()

  const link = (post: Post) => `${adminRoute}/collections/posts/${post.id}`
  return (
    <div className="editorial-dashboard">
      <section aria-labelledby="editorial-waiting">
        <h2 id="editorial-waiting">
          {TEXT.waiting[lang]} ({waiting.length})
        </h2>
        {waiting.length === 0 ? (
          <p>{TEXT.none[lang]}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">{TEXT.title[lang]}</th>
                <th scope="col">{TEXT.stage[lang]}</th>
                <th scope="col">{TEXT.todo[lang]}</th>
                <th scope="col">{TEXT.updated[lang]}</th>
              </tr>
            </thead>
            <tbody>
              {waiting.map(({ post, actions }) => (
                <tr key={post.id} data-post-id={post.id}>
                  <td>
                    <a href={link(post)}>{post.title}</a>
                  </td>
                  <td>{STAGE_LABELS[post.stage as Stage][lang]}</td>
                  <td>{actions.map((action) => ACTION_LABELS[action][lang]).join(' · ')}</td>
                  <td>{formatDateVi(post.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="editorial-counts">
        <h2 id="editorial-counts">{TEXT.counts[lang]}</h2>
        <ul className="editorial-dashboard__counts">
          {counts.map(([stage, count]) => (
            <li key={stage} className={`workflow-stage--${stage}`}>
              <a href={`${adminRoute}/collections/posts?where[stage][equals]=${stage}`}>
                <span className="editorial-dashboard__count" data-stage-count={stage}>
                  {count}
                </span>{' '}
                {STAGE_LABELS[stage][lang]}
              </a>
            </li>
          ))}
        </ul>
      </section>
      {assigned.length > 0 && (
        <section aria-labelledby="editorial-assigned">
          <h2 id="editorial-assigned">
            {TEXT.assigned[lang]} ({assigned.length})
          </h2>
          <ul>
            {assigned.map((assignment) => {
              const overdue = new Date(assignment.dueDate).getTime() < now
              return (
                <li key={assignment.id} className={overdue ? 'assignment-overdue' : undefined}>
                  <a href={`${adminRoute}/collections/assignments/${assignment.id}`}>
                    {assignment.topic}
                  </a>{' '}
                  · {TEXT.due[lang]} {formatDateVi(assignment.dueDate)}
                  {overdue && <strong> · {TEXT.overdue[lang]}</strong>}
                </li>
              )
            })}
          </ul>
        </section>
      )}
      {myDrafts.length > 0 && (
        <section aria-labelledby="editorial-drafts">
          <h2 id="editorial-drafts">{TEXT.myDrafts[lang]}</h2>
          <ul>
            {myDrafts.map((post) => (
              <li key={post.id}>
                <a href={link(post)}>{post.title}</a> · {formatDateVi(post.updatedAt)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
