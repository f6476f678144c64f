/**
 * Pictures for the demo posts, drawn here with sharp so the seed needs no network and gives the
 * same bytes on every machine. Plain shapes, no text: rendering text would depend on the fonts
 * installed.
 */
import sharp from 'sharp'

export interface DemoImage {
  name: string
  alt: string
  /** Sky, ground and accent colours. */
  palette: [string, string, string]
}

const WIDTH = 1600
const HEIGHT = 900

function scene([sky, ground, accent]: DemoImage['palette']): string {
  const flags = Array.from({ length: 9 }, (_, i) => {
    const x = 120 + i * 170
    return `<path d="M${x} 150 l60 30 l-60 30 z" fill="${i % 2 ? accent : '#ffffff'}"/>`
  }).join('')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky}"/><stop offset="1" stop-color="#ffffff"/></linearGradient></defs>
  <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#sky)"/>
  <circle cx="1350" cy="180" r="90" fill="#f1c232"/>
  <path d="M0 150 Q800 110 1600 150" stroke="#555" stroke-width="4" fill="none"/>${flags}
  <rect x="0" y="640" width="${WIDTH}" height="260" fill="${ground}"/>
  <rect x="420" y="330" width="760" height="330" fill="#f6e7c1"/>
  <path d="M380 340 L800 180 L1220 340 z" fill="${accent}"/>
  ${[500, 640, 900, 1040].map((x) => `<rect x="${x}" y="400" width="80" height="90" fill="#6fa8dc"/>`).join('')}
  <rect x="750" y="510" width="100" height="150" fill="#7f6000"/>
</svg>`
}

/** A JPEG as Payload's upload API takes it. */
export async function drawDemoImage(image: DemoImage) {
  const data = await sharp(Buffer.from(scene(image.palette)))
    .jpeg({ quality: 82 })
    .toBuffer()
  return { data, mimetype: 'image/jpeg', name: image.name, size: data.length }
}
