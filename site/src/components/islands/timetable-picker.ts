// The timetable index's script (a module file: the CSP allows no inline script).
import { hydrateWhenVisible } from './hydrate'

hydrateWhenVisible('timetable-picker', async () => (await import('./TimetablePicker')).default)
