export * from './records';
export * from './finding';
export * from './snapshot';
export * from './names';
export * from './ids';
