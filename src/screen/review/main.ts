/** The review page's entry, bundled with the screen by src/server/screen/build-screen.ts into dist/screen/. */
import '../screen.css';
import './review.css';
import { startReview } from './review-app';

void startReview();
