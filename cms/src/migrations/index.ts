import * as migration_20261129_033822_initial from './20261129_033822_initial';
import * as migration_20261129_042423_posts_workflow from './20261129_042423_posts_workflow';

export const migrations = [
  {
    up: migration_20261129_033822_initial.up,
    down: migration_20261129_033822_initial.down,
    name: '20261129_033822_initial',
  },
  {
    up: migration_20261129_042423_posts_workflow.up,
    down: migration_20261129_042423_posts_workflow.down,
    name: '20261129_042423_posts_workflow'
  },
];
