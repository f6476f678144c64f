import * as migration_20261129_033822_initial from './20261129_033822_initial';

export const migrations = [
  {
    up: migration_20261129_033822_initial.up,
    down: migration_20261129_033822_initial.down,
    name: '20261129_033822_initial'
  },
];
