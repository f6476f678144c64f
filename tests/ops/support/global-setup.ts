/**
 * The operations suite runs the built CMS as production does: build it first when its sources
 * changed (in `npm test` the browser suite has usually built it already).
 */
import { buildCms } from '../../../scripts/lib/build.mjs'
import { productEnv } from '../../../scripts/lib/env.mjs'

export default async function setup() {
  await buildCms(productEnv().env)
}
