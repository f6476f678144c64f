/**
 * A withdrawn consent takes the pupil's albums down too (Law 91/2025), like their posts
 * (workflow/consent-withdrawal.ts calls this): every live album with an image showing the pupil
 * leaves the website, its images become private again, and the album goes back to its makers
 * as a draft with the reason, to publish again without the pupil.
 */
import type { PayloadRequest } from 'payload'

import { markAlbumMedia } from '../media/public-use'
import type { Album } from '../payload-types'
import { removeNotices } from '../publication'
import { withFlag } from '../lib/request-flags'

export async function takeDownAlbumsOf(
  req: PayloadRequest,
  pupilId: number | string,
  reason: string,
): Promise<Array<Pick<Album, 'id' | 'title'>>> {
  // The school's duty whoever withdrew the consent: the lookup does not depend on who may
  // open which album.
  const { docs } = await req.payload.find({
    collection: 'albums',
    where: {
      and: [{ 'images.pupils': { equals: pupilId } }, { publicationLive: { equals: true } }],
    },
    select: { title: true, publicationStage: true },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
  })
  for (const album of docs) {
    await removeNotices(req, { collection: 'albums', id: album.id }, 'album')
    await withFlag(req, 'publication', () =>
      req.payload.update({
        collection: 'albums',
        id: album.id,
        data: {
          publicationLive: false,
          publicationComment: reason,
          ...(album.publicationStage !== 'draft' && {
            publicationStage: 'draft',
            submittedBy: null,
            approvedBy: null,
          }),
        },
        depth: 0,
        overrideAccess: true,
        req,
      }),
    )
    await markAlbumMedia(req, album.id, new Set())
  }
  return docs.map((album) => ({ id: album.id, title: album.title }))
}
