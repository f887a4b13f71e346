// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { placeFieldErrors, toFieldPath } from './fieldErrors';

describe('toFieldPath', () => {
  it('turns server field names into form paths', () => {
    expect(toFieldPath('personnelActual')).toEqual(['personnelActual']);
    expect(toFieldPath('reasons[2].projectId')).toEqual(['reasons', 2, 'projectId']);
    expect(toFieldPath('duties[0]')).toEqual(['duties', 0]);
    expect(toFieldPath('monthlyPayments[11]')).toEqual(['monthlyPayments', 11]);
    expect(toFieldPath('input.name')).toEqual(['name']);
  });
});

describe('placeFieldErrors', () => {
  it('groups errors the form can show and returns the rest', () => {
    const result = placeFieldErrors(
      [
        { field: 'reasons[2].projectId', message: '请选择项目' },
        { field: 'reasons[2].projectId', message: '项目不属于本单位' },
        { field: 'version', message: '版本必填' },
        { field: '', message: '整体错误' },
      ],
      (path) => path[0] === 'reasons',
    );
    expect(result.placed).toEqual([{ name: ['reasons', 2, 'projectId'], errors: ['请选择项目', '项目不属于本单位'] }]);
    expect(result.unplaced.map((error) => error.message)).toEqual(['版本必填', '整体错误']);
  });
});
