/** A small diagonal-stripe image for "partly in the Circle": pattern, not colour, so it reads under any fill. */
export function hatchImage(size = 8): { width: number; height: number; data: Uint8Array } {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const onStripe = (x + y) % size < 2;
      const i = (y * size + x) * 4;
      data[i] = 90;
      data[i + 1] = 90;
      data[i + 2] = 90;
      data[i + 3] = onStripe ? 200 : 0;
    }
  }
  return { width: size, height: size, data };
}
