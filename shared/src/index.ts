export * from './roles'
export * from './groups'
export * from './text'
export * from './workflow'
