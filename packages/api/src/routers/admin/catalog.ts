import { router } from '../../trpc.ts';
import { adminCoursesRouter } from './catalog/courses.ts';
import { adminExercisesRouter } from './catalog/exercises.ts';
import { adminLanguagesRouter } from './catalog/languages.ts';
import { adminLessonsRouter } from './catalog/lessons.ts';
import { adminSectionsRouter, adminUnitsRouter } from './catalog/structure.ts';

// The content editor: every procedure is an adminProcedure and every mutation is audited.
export const adminCatalogRouter = router({
  languages: adminLanguagesRouter,
  courses: adminCoursesRouter,
  sections: adminSectionsRouter,
  units: adminUnitsRouter,
  lessons: adminLessonsRouter,
  exercises: adminExercisesRouter,
});
