/**
 * How much of an asset can be lent now (Điều 15): the register's quantity, less what is out on
 * loan and what is broken. Read by the server for itself (`overrideAccess`): counts of a
 * register entry, no personal data, and the answer must not depend on whose loans the reader
 * may see.
 */
import type { PayloadRequest } from 'payload'
import { availableQuantity } from '@school/shared'

import type { Asset } from '../payload-types'

export async function quantityOut(
  req: PayloadRequest,
  asset: Asset['id'],
  exceptLoan?: number | string,
): Promise<number> {
  const { docs } = await req.payload.find({
    collection: 'equipment-loans',
    where: {
      and: [
        { asset: { equals: asset } },
        { status: { equals: 'out' } },
        ...(exceptLoan === undefined ? [] : [{ id: { not_equals: exceptLoan } }]),
      ],
    },
    depth: 0,
    limit: 0,
    pagination: false,
    select: { quantity: true },
    overrideAccess: true,
    req,
  })
  return docs.reduce((sum, loan) => sum + (loan.quantity ?? 0), 0)
}

export async function availabilityOf(
  req: PayloadRequest,
  asset: Asset['id'],
  exceptLoan?: number | string,
): Promise<{ asset: Asset; out: number; available: number }> {
  const record = await req.payload.findByID({
    collection: 'assets',
    id: asset,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const out = await quantityOut(req, asset, exceptLoan)
  return { asset: record, out, available: availableQuantity({ ...record, outOnLoan: out }) }
}
