/**
 * What the equipment's events do to the register (Điều 15): a damage (recorded, or found at a
 * return) marks the asset's condition and broken count; an approved disposal takes the quantity
 * off the register (condition "Đã thanh lý" when nothing is left), never deleting the asset.
 * Written as the user under the `equipmentBookkeeping` flag, which the policy lets write the
 * register's counts: leadership approving a disposal does not keep the register otherwise.
 */
import type { PayloadRequest } from 'payload'
import { worseCondition, type AssetCondition } from '@school/shared'

import { idOf } from '../lib/ids'
import { userError } from '../lib/messages'
import { withFlag } from '../lib/request-flags'
import type { AssetEvent, EquipmentLoan } from '../payload-types'
import { availabilityOf } from './availability'

const asUserDepth0 = (req: PayloadRequest) =>
  ({ user: req.user, req, overrideAccess: false, depth: 0 }) as const

/** A return in a worse condition: a damage event linked to the loan (it updates the asset). */
export async function recordReturnDamage(req: PayloadRequest, loan: EquipmentLoan): Promise<void> {
  const asset = idOf(loan.asset)
  if (asset === null || !loan.returnCondition || loan.returnCondition === 'good') return
  await withFlag(req, 'equipmentBookkeeping', () =>
    req.payload.create({
      collection: 'asset-events',
      ...asUserDepth0(req),
      data: {
        kind: 'damage',
        status: 'recorded',
        asset,
        quantity: loan.quantity,
        conditionAfter: loan.returnCondition as 'minor_damage' | 'damaged',
        date: loan.returnedOn ?? new Date().toISOString(),
        description: `Trả lại trong tình trạng hỏng (phiếu mượn số ${loan.id}).${
          loan.note ? ` ${loan.note}` : ''
        }`,
        loan: loan.id,
      },
    }),
  )
}

/** A damage: broken items stop being lendable; the asset's condition never gets better here. */
export async function applyDamage(req: PayloadRequest, event: AssetEvent): Promise<void> {
  const id = idOf(event.asset)
  if (id === null) return
  const { asset, out } = await availabilityOf(req, id)
  const quantity = asset.quantity ?? 0
  // What is out on loan is not broken yet: it is counted when it comes back.
  const broken =
    event.conditionAfter === 'damaged'
      ? Math.min(quantity - out, (asset.brokenQuantity ?? 0) + (event.quantity ?? 0))
      : (asset.brokenQuantity ?? 0)
  const found: AssetCondition = broken >= quantity && quantity > 0 ? 'damaged' : 'minor_damage'
  await withFlag(req, 'equipmentBookkeeping', () =>
    req.payload.update({
      collection: 'assets',
      id,
      ...asUserDepth0(req),
      data: { brokenQuantity: broken, condition: worseCondition(asset.condition, found) },
    }),
  )
}

/** Refused before the approval is saved: a disposal cannot take off more than is there. */
export async function checkDisposal(req: PayloadRequest, event: Partial<AssetEvent>) {
  const id = idOf(event.asset)
  if (id === null) return
  const { asset, out } = await availabilityOf(req, id)
  const onHand = (asset.quantity ?? 0) - out
  if ((event.quantity ?? 0) > onHand) {
    throw userError(req, 409, {
      vi:
        `Không thanh lý được ${event.quantity} ${asset.unit} "${asset.name}": trên sổ còn ` +
        `${asset.quantity}, đang cho mượn ${out}.`,
      en: `Cannot dispose of ${event.quantity}: ${asset.quantity} on the register, ${out} out.`,
    })
  }
}

/** An approved disposal: off the register, broken ones first; "Đã thanh lý" when all are gone. */
export async function applyDisposal(req: PayloadRequest, event: AssetEvent): Promise<void> {
  const id = idOf(event.asset)
  if (id === null) return
  const { asset } = await availabilityOf(req, id)
  const disposed = event.quantity ?? 0
  const quantity = Math.max(0, (asset.quantity ?? 0) - disposed)
  const broken = Math.max(0, (asset.brokenQuantity ?? 0) - disposed)
  await withFlag(req, 'equipmentBookkeeping', () =>
    req.payload.update({
      collection: 'assets',
      id,
      ...asUserDepth0(req),
      data: {
        quantity,
        brokenQuantity: Math.min(broken, quantity),
        ...(quantity === 0 && { condition: 'disposed' as const }),
      },
    }),
  )
}
