import type { FieldHook, TextField } from 'payload'
import { slugify } from '@school/shared'

/** Fills the slug from `sourceField` when it is left empty; an edited slug is kept, cleaned. */
function fillSlug(sourceField: string): FieldHook {
  return ({ value, data, originalDoc }) => {
    if (typeof value === 'string' && value.trim() !== '') return slugify(value)
    const source = data?.[sourceField] ?? originalDoc?.[sourceField]
    return typeof source === 'string' ? slugify(source) : value
  }
}

/** A unique URL slug without diacritics (đ → d), made from another field. */
export function slugField(sourceField: string): TextField {
  return {
    name: 'slug',
    type: 'text',
    unique: true,
    index: true,
    label: { vi: 'Đường dẫn (slug)', en: 'Slug' },
    admin: {
      position: 'sidebar',
      description: {
        vi: 'Để trống để tạo tự động từ tên, không dấu.',
        en: 'Leave empty to make it from the name, without diacritics.',
      },
    },
    hooks: { beforeValidate: [fillSlug(sourceField)] },
  }
}
