import Handlebars from 'handlebars';
import QRCode from 'qrcode';

const OPTIONS = { type: 'svg', errorCorrectionLevel: 'M', margin: 1 } as const;

/** Only full http(s) addresses without spaces, quotes or angle brackets: what our own pages have. */
const OWN_ADDRESS = /^https?:\/\/[^\s"'<>`]+$/;

/**
 * A QR code for one of our own addresses, as inline SVG to put straight into a view.
 *
 * Why it may skip HTML escaping (Handlebars.SafeString): the markup is written by the qrcode
 * library from fixed parts only (an <svg> element with a viewBox and two <path> elements whose
 * "d" attribute holds the module pattern as numbers and the letters M, m, h, v, H, z). The address
 * is encoded into the black and white squares; not one of its characters is copied into the
 * markup. The address itself is ours: the configured BASE_URL (validated at start) plus a path
 * built from ids that the content schema restricts to [a-z0-9-]. The check below refuses
 * anything else, and the check on the result refuses markup that is not the plain SVG we expect,
 * so no reader input can ever reach this function's output.
 */
export function qrSvg(address: string): Handlebars.SafeString {
  if (!OWN_ADDRESS.test(address)) throw new Error(`not an address of ours: ${JSON.stringify(address)}`);
  let svg: string | undefined;
  let failure: Error | null | undefined;
  // With a callback, qrcode renders SVG synchronously (QRCode.create and the SVG renderer are
  // plain functions); the check below fails loudly if a later version ever changes that.
  QRCode.toString(address, OPTIONS, (error, out) => {
    failure = error;
    svg = out;
  });
  if (failure) throw failure;
  if (svg === undefined) throw new Error('qrcode did not render the SVG synchronously');
  const markup = svg.trim();
  if (!/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="[\d ]+" shape-rendering="crispEdges">(<path [a-z-]+="#[0-9a-f]{6}" d="[MmHhVvz\d .-]+"\/>)+<\/svg>$/.test(markup)) {
    throw new Error('qrcode returned unexpected SVG markup');
  }
  return new Handlebars.SafeString(markup);
}
