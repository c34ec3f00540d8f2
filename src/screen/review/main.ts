/** The review page's entry, bundled with the screen by src/server/screen/build-screen.ts into dist/screen/. */
import '../screen.css';
import './review.css';
import { startReview } from './review-app';
import { useWallFonts } from '../wall-fonts';

// The review page is for desks with their own fonts: the bundled ones from the start.
useWallFonts();
void startReview();
