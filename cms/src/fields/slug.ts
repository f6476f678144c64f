import type { CollectionSlug, FieldHook, TextField, Where } from 'payload'
import { pageSafeSlug, slugify } from '@school/shared'

/**
 * Fills the slug from `sourceField` when it is left empty; an edited slug is kept, cleaned. A
 * made-up slug that is taken gets "-2", "-3"…; a slug the user typed is left for the unique
 * check to refuse with a message.
 */
function fillSlug(sourceField: string, collection: CollectionSlug): FieldHook {
  return async ({ value, data, originalDoc, req }) => {
    if (typeof value === 'string' && value.trim() !== '') return pageSafeSlug(slugify(value))
    const source = data?.[sourceField] ?? originalDoc?.[sourceField]
    if (typeof source !== 'string' || slugify(source) === '') return value
    const base = pageSafeSlug(slugify(source))
    for (let suffix = 1; ; suffix += 1) {
      const candidate = suffix === 1 ? base : `${base}-${suffix}`
      const where: Where = originalDoc?.id
        ? { and: [{ slug: { equals: candidate } }, { id: { not_equals: originalDoc.id } }] }
        : { slug: { equals: candidate } }
      const { totalDocs } = await req.payload.count({
        collection,
        where,
        overrideAccess: true,
        req,
      })
      if (totalDocs === 0) return candidate
    }
  }
}

/** A unique URL slug without diacritics (đ → d), made from another field. */
export function slugField(sourceField: string, collection: CollectionSlug): TextField {
  return {
    name: 'slug',
    type: 'text',
    unique: true,
    index: true,
    label: { vi: 'Đường dẫn (slug)', en: 'Slug' },
    admin: {
      position: 'sidebar',
      description: {
        vi: 'Để trống để tạo tự động, không dấu.',
        en: 'Leave empty to make it automatically, without diacritics.',
      },
    },
    hooks: { beforeValidate: [fillSlug(sourceField, collection)] },
  }
}
