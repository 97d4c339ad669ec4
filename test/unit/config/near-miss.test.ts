import { describe, expect, it } from 'vitest';
import { editDistance, nearMiss } from '../../../src/config/near-miss.js';

const KEYS = ['title', 'subtitle', 'author', 'date', 'lang', 'order', 'speaker', 'occasion', 'source'];

describe('editDistance', () => {
  it('counts inserts, deletes, changes, and a swap of neighbours as one', () => {
    expect(editDistance('title', 'title')).toBe(0);
    expect(editDistance('titel', 'title')).toBe(1);
    expect(editDistance('tile', 'title')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('讲话人', '讲话')).toBe(1);
  });
});

describe('nearMiss', () => {
  it('suggests the key a slip was meant to be', () => {
    expect(nearMiss('titel', KEYS)).toBe('title');
    expect(nearMiss('Title', KEYS)).toBe('title');
    expect(nearMiss('speakr', KEYS)).toBe('speaker');
    expect(nearMiss('ocasion', KEYS)).toBe('occasion');
    expect(nearMiss('athour', KEYS)).toBe('author');
  });

  it('between short words allows only one edit: tags is not lang, name is not date', () => {
    expect(nearMiss('tags', KEYS)).toBeUndefined();
    expect(nearMiss('name', KEYS)).toBeUndefined();
    expect(nearMiss('dte', KEYS)).toBe('date');
  });

  it('suggests nothing for a known key or a word far from all', () => {
    expect(nearMiss('title', KEYS)).toBeUndefined();
    expect(nearMiss('publisher', KEYS)).toBeUndefined();
  });

  it('prefers the nearest key when two are in reach', () => {
    expect(nearMiss('subtitl', KEYS)).toBe('subtitle');
  });
});
