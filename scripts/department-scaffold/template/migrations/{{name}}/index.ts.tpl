import { Create{{Name}}Tables{{timestamp}} } from './{{timestamp}}-create-{{name}}-tables';

/** The {{name}} source's migrations, oldest first. */
export const {{name}}Migrations: Function[] = [Create{{Name}}Tables{{timestamp}}];
