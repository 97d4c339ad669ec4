/** A font file fontconfig knows, with the family names it answers to. */
export interface FcFont {
  families: string[];
  file: string;
  index: number;
}

/** The OpenType/TrueType files of a listing (bitmap and Type 1 fonts are left out). Pure. */
export function parseFcListing(listing: string): FcFont[] {
  const out: FcFont[] = [];
  for (const line of listing.split('\n')) {
    const [families, file, index] = line.split('\t');
    if (families && file && /\.(otf|ttf|ttc|otc)$/i.test(file)) out.push({ families: families.split(','), file, index: Number(index) || 0 });
  }
  return out;
}

/** The first font answering to `family` (case-insensitive, as fontconfig matches). Pure. */
export function findFamily(fonts: readonly FcFont[], family: string): FcFont | undefined {
  const want = family.toLowerCase();
  return fonts.find((f) => f.families.some((n) => n.toLowerCase() === want));
}
