import { describe, expect, it } from 'vitest';
import { accessLevelsFor, defaultAccess } from '../../../src/docspace/share-roles.ts';

describe('access a person may be given', () => {
  it('follows the room type: a public room has only managers and content creators, a form room fills forms', () => {
    expect(accessLevelsFor(6, 'roomAdmin')).toEqual([9, 11]);
    expect(accessLevelsFor(1, 'user')).toEqual([11, 7]);
    expect(accessLevelsFor(5, 'user')).toEqual([11, 10, 5, 6, 2]);
  });

  it('never offers Room manager to a user or a guest', () => {
    for (const roomType of [1, 2, 5, 6, 8, 9]) {
      expect(accessLevelsFor(roomType, 'user')).not.toContain(9);
      expect(accessLevelsFor(roomType, 'guest')).not.toContain(9);
      expect(accessLevelsFor(roomType, 'admin')).toContain(9);
    }
  });

  it('a personal file or folder can be shared with any level, editing by default', () => {
    const levels = accessLevelsFor(undefined, 'user');
    expect(levels).toEqual([1, 10, 7, 5, 6, 2, 3]);
    expect(defaultAccess(levels)).toBe(10);
    expect(defaultAccess(accessLevelsFor(6, 'user'))).toBe(11);
    expect(accessLevelsFor(42, 'admin')).toEqual([]);
  });
});
