/** The big-screen page's entry, bundled by src/server/screen/build-screen.ts into dist/screen/. */
import './screen.css';
import { startScreen } from './screen-app';

void startScreen();
