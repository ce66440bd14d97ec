export * from './audit';
export * from './clients';
export * from './miners';
export * from './models';
export * from './settings';
export * from './sites';
export * from './staff';
export * from './tasks';
