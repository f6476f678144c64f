/**
 * Text as the registers search it: lower case, without Vietnamese marks (đ → d), one space
 * between words. A register stores each record folded once (`searchText`) and folds what the
 * user typed, so "cong van so 12", "Công văn số 12" and "CÔNG VĂN" all find the same record.
 */
import { stripDiacritics } from './text'

export function foldForSearch(text: string): string {
  return stripDiacritics(text.normalize('NFC')).toLowerCase().replace(/\s+/gu, ' ').trim()
}
