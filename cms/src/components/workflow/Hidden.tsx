'use client'

/**
 * Stands in for Payload's own "Publish" and "Unpublish" buttons on posts: a post goes live or
 * comes down only through the workflow panel, so those buttons must not be offered.
 */
export function Hidden() {
  return null
}
