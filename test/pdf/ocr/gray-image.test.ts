// Quarter turns and PGM reading on small images whose every pixel the test knows.
import { describe, expect, it } from 'vitest';
import { encodePgm, halve, parsePgm, rotateClockwise, type GrayImage } from '../../../src/pdf/ocr/gray-image.js';

// 3 wide, 2 high:  1 2 3
//                  4 5 6
const image: GrayImage = { width: 3, height: 2, pixels: Uint8Array.from([1, 2, 3, 4, 5, 6]) };

describe('rotateClockwise', () => {
  it('turns a quarter clockwise: the left column becomes the top row, read bottom up', () => {
    const turned = rotateClockwise(image, 90);
    expect([turned.width, turned.height]).toEqual([2, 3]);
    expect([...turned.pixels]).toEqual([4, 1, 5, 2, 6, 3]);
  });

  it('turns half and three quarters', () => {
    expect([...rotateClockwise(image, 180).pixels]).toEqual([6, 5, 4, 3, 2, 1]);
    const back = rotateClockwise(image, 270);
    expect([back.width, back.height]).toEqual([2, 3]);
    expect([...back.pixels]).toEqual([3, 6, 2, 5, 1, 4]);
  });

  it('four quarter turns give the image back', () => {
    let turned = image;
    for (let i = 0; i < 4; i++) turned = rotateClockwise(turned, 90);
    expect(turned).toEqual({ width: 3, height: 2, pixels: image.pixels });
  });
});

describe('PGM', () => {
  it('reads what it writes, also with a comment in the header', () => {
    expect(parsePgm(encodePgm(image))).toEqual(image);
    const commented = new Uint8Array([...new TextEncoder().encode('P5\n# scanner\n3 2\n255\n'), 1, 2, 3, 4, 5, 6]);
    expect(parsePgm(commented)).toEqual(image);
  });

  it('refuses what is not an 8-bit binary PGM, and a short one', () => {
    expect(() => parsePgm(new TextEncoder().encode('P6\n1 1\n255\nabc'))).toThrow(/not an 8-bit binary PGM/);
    expect(() => parsePgm(new TextEncoder().encode('P5\n3 2\n255\n\x01\x02'))).toThrow(/holds 2 of 6 pixels/);
  });
});

describe('halve', () => {
  it('averages 2×2 blocks', () => {
    const four: GrayImage = { width: 4, height: 2, pixels: Uint8Array.from([0, 4, 8, 8, 4, 8, 8, 8]) };
    expect(halve(four)).toEqual({ width: 2, height: 1, pixels: Uint8Array.from([4, 8]) });
  });
});
