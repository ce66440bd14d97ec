export * from './audit';
export * from './clients';
export * from './miners';
export * from './settings';
export * from './staff';
export * from './tasks';
