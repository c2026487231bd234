import { describe, expect, it } from 'vitest';
import { exportFileName } from './download';

describe('the PNG file name', () => {
  it('names indicator, year and level', () => {
    expect(exportFileName({ indicator: 'gdp', year: 2022, level: 'units' })).toBe('chengyu-atlas_gdp_2022_units.png');
    expect(exportFileName({ indicator: 'nev_share', year: 2023, level: 'districts' })).toBe('chengyu-atlas_nev_share_2023_districts.png');
    expect(exportFileName({ indicator: 'land_area', year: 2024, level: 'china' }, 'svg')).toBe('chengyu-atlas_land_area_2024_china.svg');
  });
});
