import { Migration } from '@mikro-orm/migrations';

export class Migration20261126055124_data_model extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "avatars" ("id" bigserial primary key, "code" varchar(64) not null, "name" varchar(100) not null, "description" text null, "image_url" varchar(500) not null, "is_default" boolean not null default false, "required_achievement_id" bigint null, "rarity" text check ("rarity" in ('common', 'rare', 'epic', 'legendary')) null, "display_order" int not null default 0, "created_at" timestamptz not null default now());`);
    this.addSql(`alter table "avatars" add constraint "avatars_code_unique" unique ("code");`);
    this.addSql(`alter table "avatars" add constraint "avatars_name_unique" unique ("name");`);
    this.addSql(`create index "avatars_required_achievement_id_index" on "avatars" ("required_achievement_id");`);

    this.addSql(`create table "achievements" ("id" bigserial primary key, "code" varchar(64) not null, "name" varchar(100) not null, "description" text not null, "category" text check ("category" in ('getting_started', 'accuracy', 'question_milestones', 'study_streaks', 'a_plus_core_1', 'a_plus_core_2', 'network_plus', 'security_plus', 'levels', 'learning')) not null, "badge_icon_url" varchar(500) null, "criteria_type" text check ("criteria_type" in ('quiz_completed', 'perfect_quiz', 'high_score_quiz', 'correct_answers', 'study_streak', 'level_reached', 'exam_specific', 'lessons_completed', 'xp_total', 'sessions_completed', 'habit_streak', 'habit_completions', 'daily_goal_met')) not null, "criteria_value" int not null, "criteria_exam_type" text check ("criteria_exam_type" in ('security', 'network', 'a1101', 'a1102')) null, "xp_reward" int not null default 0, "unlocks_avatar_id" bigint null, "display_order" int not null default 0, "is_hidden" boolean not null default false, "created_at" timestamptz not null default now(), constraint achievements_criteria_value_positive check (criteria_value > 0), constraint achievements_exam_type_only_for_exam_specific check ((criteria_type = 'exam_specific') = (criteria_exam_type is not null)), constraint achievements_xp_reward_non_negative check (xp_reward >= 0));`);
    this.addSql(`alter table "achievements" add constraint "achievements_code_unique" unique ("code");`);
    this.addSql(`alter table "achievements" add constraint "achievements_name_unique" unique ("name");`);
    this.addSql(`create index "achievements_criteria_type_index" on "achievements" ("criteria_type");`);
    this.addSql(`create index "achievements_unlocks_avatar_id_index" on "achievements" ("unlocks_avatar_id");`);

    this.addSql(`create table "badges" ("id" bigserial primary key, "code" varchar(50) not null, "name" varchar(100) not null, "description" text not null, "icon" varchar(16) null, "icon_url_64" varchar(500) null, "icon_url_16" varchar(500) null, "is_tag_badge" boolean not null default false, "criteria_type" text check ("criteria_type" in ('quiz_completed', 'perfect_quiz', 'high_score_quiz', 'correct_answers', 'study_streak', 'level_reached', 'exam_specific', 'lessons_completed', 'xp_total', 'sessions_completed', 'habit_streak', 'habit_completions', 'daily_goal_met')) null, "criteria_value" int null, "criteria_exam_type" text check ("criteria_exam_type" in ('security', 'network', 'a1101', 'a1102')) null, "created_at" timestamptz not null default now(), constraint badges_has_artwork check (icon is not null or icon_url_64 is not null), constraint badges_tag_badge_has_16px_art check (not is_tag_badge or icon_url_16 is not null), constraint badges_criteria_complete check ((criteria_type is null) = (criteria_value is null)), constraint badges_criteria_value_positive check (criteria_value > 0), constraint badges_exam_type_only_for_exam_specific check (coalesce(criteria_type = 'exam_specific', false) = (criteria_exam_type is not null)));`);
    this.addSql(`alter table "badges" add constraint "badges_code_unique" unique ("code");`);

    this.addSql(`create table "exercise_types" ("id" bigserial primary key, "code" text check ("code" in ('translation', 'multiple_choice', 'listening', 'speaking', 'match_pairs', 'fill_blank', 'sort_words')) not null, "name" varchar(100) not null, "description" text not null default '', "default_xp" int not null, constraint exercise_types_default_xp_positive check (default_xp > 0));`);
    this.addSql(`alter table "exercise_types" add constraint "exercise_types_code_unique" unique ("code");`);

    this.addSql(`create table "exercises" ("id" bigserial primary key, "key" varchar(120) not null, "exercise_type_id" bigint not null, "prompt" text not null, "correct_answer" text not null, "alternate_answers" text[] not null default '{}', "hints" text[] not null default '{}', "difficulty" smallint not null, "time_limit_seconds" int null, "xp_override" int null, "content" jsonb not null default '{}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint exercises_difficulty_range check (difficulty >= 1 and difficulty <= 5), constraint exercises_time_limit_positive check (time_limit_seconds > 0), constraint exercises_xp_override_positive check (xp_override > 0));`);
    this.addSql(`alter table "exercises" add constraint "exercises_key_unique" unique ("key");`);
    this.addSql(`create index "exercises_exercise_type_id_index" on "exercises" ("exercise_type_id");`);

    this.addSql(`create table "exercise_options" ("id" bigserial primary key, "exercise_id" bigint not null, "position" int not null, "text" text not null, "is_correct" boolean not null default false, constraint exercise_options_position_non_negative check (position >= 0));`);
    this.addSql(`alter table "exercise_options" add constraint "exercise_options_exercise_position_unique" unique ("exercise_id", "position") deferrable initially immediate;`);
    this.addSql(`create unique index "exercise_options_one_correct" on "exercise_options" ("exercise_id") where "is_correct";`);

    this.addSql(`create table "audio_files" ("id" bigserial primary key, "exercise_id" bigint not null, "url" varchar(500) not null, "quality" text check ("quality" in ('low', 'medium', 'high')) not null, "duration_ms" int not null, "speaker" varchar(100) null, "created_at" timestamptz not null default now(), constraint audio_files_duration_positive check (duration_ms > 0));`);
    this.addSql(`alter table "audio_files" add constraint "audio_files_exercise_quality_unique" unique ("exercise_id", "quality");`);

    this.addSql(`create table "languages" ("id" bigserial primary key, "code" varchar(2) not null, "english_name" varchar(100) not null, "native_name" varchar(100) not null, "flag" varchar(16) not null, "created_at" timestamptz not null default now(), constraint languages_code_format check (code ~ '^[a-z]{2}\$'));`);
    this.addSql(`alter table "languages" add constraint "languages_code_unique" unique ("code");`);

    this.addSql(`create table "courses" ("id" bigserial primary key, "from_language_id" bigint not null, "to_language_id" bigint not null, "title" varchar(200) not null, "description" text not null default '', "is_published" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint courses_languages_differ check (from_language_id <> to_language_id));`);
    this.addSql(`create index "courses_from_language_id_index" on "courses" ("from_language_id");`);
    this.addSql(`create index "courses_to_language_id_index" on "courses" ("to_language_id");`);
    this.addSql(`alter table "courses" add constraint "courses_from_to_unique" unique ("from_language_id", "to_language_id");`);

    this.addSql(`create table "questions" ("id" bigserial primary key, "question_id" varchar(64) not null, "exam_type" text check ("exam_type" in ('security', 'network', 'a1101', 'a1102')) not null, "domain" varchar(8) not null, "question_text" text not null, "correct_answer" text check ("correct_answer" in ('A', 'B', 'C', 'D')) not null, "options" jsonb not null, "created_at" timestamptz not null default now());`);
    this.addSql(`alter table "questions" add constraint "questions_question_id_unique" unique ("question_id");`);
    this.addSql(`create index "questions_exam_type_index" on "questions" ("exam_type");`);
    this.addSql(`create index "questions_domain_index" on "questions" ("domain");`);

    this.addSql(`create table "sections" ("id" bigserial primary key, "course_id" bigint not null, "position" int not null, "title" varchar(200) not null, "description" text not null default '', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint sections_position_non_negative check (position >= 0));`);
    this.addSql(`alter table "sections" add constraint "sections_course_position_unique" unique ("course_id", "position") deferrable initially immediate;`);

    this.addSql(`create table "units" ("id" bigserial primary key, "section_id" bigint not null, "position" int not null, "title" varchar(200) not null, "description" text not null default '', "icon" varchar(16) not null, "color" varchar(7) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint units_position_non_negative check (position >= 0), constraint units_color_format check (color ~ '^#[0-9a-fA-F]{6}\$'));`);
    this.addSql(`alter table "units" add constraint "units_section_position_unique" unique ("section_id", "position") deferrable initially immediate;`);

    this.addSql(`create table "lessons" ("id" bigserial primary key, "unit_id" bigint not null, "position" int not null, "key" varchar(100) not null, "title" varchar(200) not null, "description" text not null default '', "xp_reward" int not null, "estimated_minutes" int not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint lessons_position_non_negative check (position >= 0), constraint lessons_xp_reward_positive check (xp_reward > 0), constraint lessons_estimated_minutes_positive check (estimated_minutes > 0));`);
    this.addSql(`alter table "lessons" add constraint "lessons_key_unique" unique ("key");`);
    this.addSql(`alter table "lessons" add constraint "lessons_unit_position_unique" unique ("unit_id", "position") deferrable initially immediate;`);

    this.addSql(`create table "lesson_prerequisites" ("lesson_id" bigint not null, "required_lesson_id" bigint not null, "created_at" timestamptz not null default now(), constraint "lesson_prerequisites_pkey" primary key ("lesson_id", "required_lesson_id"), constraint lesson_prerequisites_not_self check (lesson_id <> required_lesson_id));`);
    this.addSql(`create index "lesson_prerequisites_required_lesson_id_index" on "lesson_prerequisites" ("required_lesson_id");`);

    this.addSql(`create table "lesson_exercises" ("lesson_id" bigint not null, "exercise_id" bigint not null, "position" int not null, "is_required" boolean not null default true, constraint "lesson_exercises_pkey" primary key ("lesson_id", "exercise_id"), constraint lesson_exercises_position_non_negative check (position >= 0));`);
    this.addSql(`create index "lesson_exercises_exercise_id_index" on "lesson_exercises" ("exercise_id");`);
    this.addSql(`alter table "lesson_exercises" add constraint "lesson_exercises_lesson_position_unique" unique ("lesson_id", "position") deferrable initially immediate;`);

    this.addSql(`create table "system_audit_logs" ("id" bigserial primary key, "actor_id" bigint null, "action" varchar(64) not null, "entity_type" varchar(64) not null, "entity_id" varchar(64) null, "before" jsonb null, "after" jsonb null, "reason" text null, "ip" varchar(64) null, "occurred_at" timestamptz not null default now());`);
    this.addSql(`create index "system_audit_logs_actor_id_index" on "system_audit_logs" ("actor_id");`);
    this.addSql(`create index "system_audit_logs_occurred_at_index" on "system_audit_logs" ("occurred_at");`);
    this.addSql(`create index "system_audit_logs_entity_index" on "system_audit_logs" ("entity_type", "entity_id");`);

    this.addSql(`create table "quiz_attempts" ("id" bigserial primary key, "user_id" bigint not null, "exam_type" text check ("exam_type" in ('security', 'network', 'a1101', 'a1102')) not null, "total_questions" int not null, "correct_answers" int not null, "score_percentage" double precision not null, "time_taken_seconds" int null, "xp_earned" int not null default 0, "completed_at" timestamptz not null default now(), constraint quiz_attempts_total_questions_positive check (total_questions > 0), constraint quiz_attempts_correct_answers_non_negative check (correct_answers >= 0), constraint quiz_attempts_correct_within_total check (correct_answers <= total_questions), constraint quiz_attempts_score_range check (score_percentage >= 0 and score_percentage <= 100), constraint quiz_attempts_time_non_negative check (time_taken_seconds >= 0), constraint quiz_attempts_xp_non_negative check (xp_earned >= 0));`);
    this.addSql(`create index "quiz_attempts_user_id_index" on "quiz_attempts" ("user_id");`);
    this.addSql(`create index "quiz_attempts_exam_type_index" on "quiz_attempts" ("exam_type");`);
    this.addSql(`create index "quiz_attempts_completed_at_index" on "quiz_attempts" ("completed_at");`);
    this.addSql(`create index "quiz_attempts_leaderboard_index" on "quiz_attempts" ("exam_type", "score_percentage", "completed_at");`);
    this.addSql(`create index "quiz_attempts_user_completed_index" on "quiz_attempts" ("user_id", "completed_at");`);

    this.addSql(`create table "posts" ("id" bigserial primary key, "author_id" bigint not null, "body" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint posts_body_length check (char_length(body) >= 1 and char_length(body) <= 5000));`);
    this.addSql(`create index "posts_author_id_index" on "posts" ("author_id");`);
    this.addSql(`create index "posts_created_at_index" on "posts" ("created_at");`);

    this.addSql(`create table "reactions" ("id" bigserial primary key, "user_id" bigint not null, "post_id" bigint not null, "kind" text check ("kind" in ('like', 'love', 'celebrate', 'insightful', 'funny')) not null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "reactions_post_id_index" on "reactions" ("post_id");`);
    this.addSql(`create index "ix_reactions_user_created" on "reactions" ("user_id", "created_at" desc);`);
    this.addSql(`alter table "reactions" add constraint "reactions_user_post_kind_unique" unique ("user_id", "post_id", "kind");`);

    this.addSql(`create table "oauth_accounts" ("id" bigserial primary key, "user_id" bigint not null, "provider" varchar(64) not null, "provider_user_id" varchar(255) not null, "email" varchar(254) null, "created_at" timestamptz not null default now(), "last_used_at" timestamptz null);`);
    this.addSql(`alter table "oauth_accounts" add constraint "oauth_accounts_provider_subject_unique" unique ("provider", "provider_user_id");`);
    this.addSql(`alter table "oauth_accounts" add constraint "oauth_accounts_user_provider_unique" unique ("user_id", "provider");`);

    this.addSql(`create table "habits" ("id" bigserial primary key, "user_id" bigint not null, "name" varchar(100) not null, "description" text null, "category" varchar(50) null, "goal_type" text check ("goal_type" in ('daily', 'weekly', 'custom')) not null default 'daily', "target_value" int not null default 1, "schedule_mask" smallint null, "archived_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint habits_target_value_positive check (target_value > 0), constraint habits_schedule_only_for_custom check ((goal_type = 'custom') = (schedule_mask is not null)), constraint habits_schedule_mask_range check (schedule_mask >= 1 and schedule_mask <= 127));`);
    this.addSql(`create index "habits_user_id_index" on "habits" ("user_id");`);

    this.addSql(`create table "habit_streaks" ("habit_id" bigint not null, "current_streak" int not null default 0, "longest_streak" int not null default 0, "last_completion_date" date null, "strength" double precision not null default 0, "updated_at" timestamptz not null default now(), constraint "habit_streaks_pkey" primary key ("habit_id"), constraint habit_streaks_current_non_negative check (current_streak >= 0), constraint habit_streaks_longest_at_least_current check (longest_streak >= current_streak), constraint habit_streaks_strength_range check (strength >= 0 and strength <= 100));`);

    this.addSql(`create table "habit_completions" ("id" bigserial primary key, "habit_id" bigint not null, "user_id" bigint not null, "completion_date" date not null, "value" int not null default 1, "notes" text null, "created_at" timestamptz not null default now(), constraint habit_completions_value_non_negative check (value >= 0));`);
    this.addSql(`create index "habit_completions_user_id_index" on "habit_completions" ("user_id");`);
    this.addSql(`alter table "habit_completions" add constraint "habit_completions_habit_date_unique" unique ("habit_id", "completion_date");`);

    this.addSql(`create table "user_achievements" ("user_id" bigint not null, "achievement_id" bigint not null, "earned_at" timestamptz not null default now(), "progress_value" int null, constraint "user_achievements_pkey" primary key ("user_id", "achievement_id"));`);
    this.addSql(`create index "user_achievements_achievement_id_index" on "user_achievements" ("achievement_id");`);
    this.addSql(`create index "user_achievements_earned_at_index" on "user_achievements" ("earned_at");`);
    this.addSql(`create index "user_achievements_user_earned_index" on "user_achievements" ("user_id", "earned_at");`);

    this.addSql(`create table "user_activity_logs" ("id" bigserial primary key, "user_id" bigint not null, "action" varchar(64) not null, "entity_type" varchar(64) null, "entity_id" varchar(64) null, "metadata" jsonb not null default '{}', "ip" varchar(64) null, "user_agent" varchar(512) null, "occurred_at" timestamptz not null default now());`);
    this.addSql(`create index "user_activity_logs_user_occurred_index" on "user_activity_logs" ("user_id", "occurred_at");`);

    this.addSql(`create table "user_answers" ("id" bigserial primary key, "user_id" bigint not null, "quiz_attempt_id" bigint not null, "question_id" bigint null, "user_answer" text check ("user_answer" in ('A', 'B', 'C', 'D')) not null, "correct_answer" text check ("correct_answer" in ('A', 'B', 'C', 'D')) not null, "is_correct" boolean not null, "time_spent_seconds" int null, "answered_at" timestamptz not null default now(), constraint user_answers_time_non_negative check (time_spent_seconds >= 0));`);
    this.addSql(`create index "user_answers_user_id_index" on "user_answers" ("user_id");`);
    this.addSql(`create index "user_answers_quiz_attempt_id_index" on "user_answers" ("quiz_attempt_id");`);
    this.addSql(`create index "user_answers_question_id_index" on "user_answers" ("question_id");`);
    this.addSql(`create index "user_answers_is_correct_index" on "user_answers" ("is_correct");`);
    this.addSql(`create index "user_answers_user_correct_index" on "user_answers" ("user_id", "is_correct");`);
    this.addSql(`create index "user_answers_attempt_correct_index" on "user_answers" ("quiz_attempt_id", "is_correct");`);
    this.addSql(`create index "user_answers_question_correct_index" on "user_answers" ("question_id", "is_correct");`);

    this.addSql(`create table "user_avatars" ("user_id" bigint not null, "avatar_id" bigint not null, "unlocked_at" timestamptz not null default now(), constraint "user_avatars_pkey" primary key ("user_id", "avatar_id"));`);
    this.addSql(`create index "user_avatars_avatar_id_index" on "user_avatars" ("avatar_id");`);
    this.addSql(`create index "user_avatars_user_unlocked_index" on "user_avatars" ("user_id", "unlocked_at");`);

    this.addSql(`create table "user_badges" ("id" bigserial primary key, "user_id" bigint not null, "badge_id" bigint not null, "unlocked_at" timestamptz not null default now(), "granted_by" bigint null);`);
    this.addSql(`create index "user_badges_user_id_index" on "user_badges" ("user_id");`);
    this.addSql(`create index "user_badges_badge_id_index" on "user_badges" ("badge_id");`);
    this.addSql(`create index "user_badges_granted_by_index" on "user_badges" ("granted_by");`);
    this.addSql(`alter table "user_badges" add constraint "user_badges_user_badge_unique" unique ("user_id", "badge_id");`);

    this.addSql(`create table "user_courses" ("id" bigserial primary key, "user_id" bigint not null, "course_id" bigint not null, "xp" int not null default 0, "completion_percent" smallint not null default 0, "started_at" timestamptz not null default now(), "last_practiced_at" timestamptz null, "updated_at" timestamptz not null default now(), constraint user_courses_xp_non_negative check (xp >= 0), constraint user_courses_completion_range check (completion_percent >= 0 and completion_percent <= 100));`);
    this.addSql(`create index "user_courses_course_id_index" on "user_courses" ("course_id");`);
    this.addSql(`alter table "user_courses" add constraint "user_courses_user_course_unique" unique ("user_id", "course_id");`);

    this.addSql(`create table "user_daily_xp" ("id" bigserial primary key, "user_id" bigint not null, "local_date" date not null, "xp" int not null default 0, "goal" smallint not null, "goal_met" boolean not null default false, "updated_at" timestamptz not null default now(), constraint user_daily_xp_xp_non_negative check (xp >= 0), constraint user_daily_xp_goal_allowed check (goal = any (array[10, 20, 30, 50])), constraint user_daily_xp_goal_met_consistent check (goal_met = (xp >= goal)));`);
    this.addSql(`alter table "user_daily_xp" add constraint "user_daily_xp_user_date_unique" unique ("user_id", "local_date");`);

    this.addSql(`create table "user_exercise_interactions" ("id" bigserial primary key, "user_id" bigint not null, "exercise_id" bigint not null, "lesson_id" bigint null, "kind" text check ("kind" in ('attempt', 'hint', 'skip')) not null, "answer_given" text null, "is_correct" boolean null, "is_typo" boolean not null default false, "time_spent_ms" int null, "occurred_at" timestamptz not null default now(), constraint user_exercise_interactions_time_non_negative check (time_spent_ms >= 0), constraint user_exercise_interactions_attempt_has_result check ((kind = 'attempt') = (is_correct is not null)));`);
    this.addSql(`create index "user_exercise_interactions_exercise_id_index" on "user_exercise_interactions" ("exercise_id");`);
    this.addSql(`create index "user_exercise_interactions_lesson_id_index" on "user_exercise_interactions" ("lesson_id");`);
    this.addSql(`create index "user_exercise_interactions_user_occurred_index" on "user_exercise_interactions" ("user_id", "occurred_at");`);

    this.addSql(`create table "user_hearts_log" ("id" bigserial primary key, "user_id" bigint not null, "action" text check ("action" in ('lost', 'regenerated', 'refilled')) not null, "delta" smallint not null, "balance_after" smallint not null, "reason" text not null, "occurred_at" timestamptz not null default now(), constraint user_hearts_log_balance_non_negative check (balance_after >= 0), constraint user_hearts_log_delta_sign check ((action = 'lost' and delta < 0) or (action <> 'lost' and delta > 0)));`);
    this.addSql(`create index "user_hearts_log_user_occurred_index" on "user_hearts_log" ("user_id", "occurred_at");`);

    this.addSql(`create table "user_highlights" ("id" bigserial primary key, "user_id" bigint not null, "post_id" bigint not null, "position" int not null, "created_at" timestamptz not null default now(), constraint user_highlights_position_range check (position >= 0 and position < 128));`);
    this.addSql(`create index "user_highlights_user_id_index" on "user_highlights" ("user_id");`);
    this.addSql(`create index "user_highlights_post_id_index" on "user_highlights" ("post_id");`);
    this.addSql(`create index "ix_user_highlights_user_position" on "user_highlights" ("user_id", "position");`);
    this.addSql(`alter table "user_highlights" add constraint "user_highlights_user_post_unique" unique ("user_id", "post_id");`);
    this.addSql(`alter table "user_highlights" add constraint "user_highlights_user_position_unique" unique ("user_id", "position") deferrable initially immediate;`);

    this.addSql(`create table "user_lesson_progress" ("id" bigserial primary key, "user_id" bigint not null, "lesson_id" bigint not null, "status" text check ("status" in ('not_started', 'in_progress', 'completed')) not null default 'not_started', "attempts" int not null default 0, "best_score" smallint null, "started_at" timestamptz null, "completed_at" timestamptz null, "updated_at" timestamptz not null default now(), constraint user_lesson_progress_attempts_non_negative check (attempts >= 0), constraint user_lesson_progress_best_score_range check (best_score >= 0 and best_score <= 100), constraint user_lesson_progress_completed_has_time check ((status = 'completed') = (completed_at is not null)));`);
    this.addSql(`create index "user_lesson_progress_lesson_id_index" on "user_lesson_progress" ("lesson_id");`);
    this.addSql(`alter table "user_lesson_progress" add constraint "user_lesson_progress_user_lesson_unique" unique ("user_id", "lesson_id");`);

    this.addSql(`create table "user_stats_cache" ("id" bigserial primary key, "user_id" bigint not null, "stats_json" jsonb not null, "computed_at" timestamptz not null, "expires_at" timestamptz not null);`);
    this.addSql(`alter table "user_stats_cache" add constraint "user_stats_cache_user_id_unique" unique ("user_id");`);
    this.addSql(`create index "user_stats_cache_expires_at_index" on "user_stats_cache" ("expires_at");`);

    this.addSql(`create table "user_streak_days" ("id" bigserial primary key, "user_id" bigint not null, "local_date" date not null, "status" text check ("status" in ('practiced', 'frozen', 'repaired')) not null, "reason" text not null, "created_at" timestamptz not null default now());`);
    this.addSql(`alter table "user_streak_days" add constraint "user_streak_days_user_date_unique" unique ("user_id", "local_date");`);

    this.addSql(`create table "xp_events" ("id" bigserial primary key, "user_id" bigint not null, "amount" int not null, "source" text check ("source" in ('lesson', 'exercise', 'quiz', 'achievement', 'badge', 'habit', 'admin')) not null, "source_ref" varchar(200) null, "idempotency_key" varchar(200) not null, "occurred_at" timestamptz not null default now(), "local_date" date not null, "reverses_event_id" bigint null, constraint xp_events_amount_non_zero check (amount <> 0));`);
    this.addSql(`create index "xp_events_occurred_at_index" on "xp_events" ("occurred_at");`);
    this.addSql(`create index "xp_events_user_occurred_index" on "xp_events" ("user_id", "occurred_at");`);
    this.addSql(`alter table "xp_events" add constraint "xp_events_user_idempotency_key_unique" unique ("user_id", "idempotency_key");`);
    this.addSql(`alter table "xp_events" add constraint "xp_events_reverses_unique" unique ("reverses_event_id");`);

    this.addSql(`alter table "avatars" add constraint "avatars_required_achievement_id_foreign" foreign key ("required_achievement_id") references "achievements" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "achievements" add constraint "achievements_unlocks_avatar_id_foreign" foreign key ("unlocks_avatar_id") references "avatars" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "exercises" add constraint "exercises_exercise_type_id_foreign" foreign key ("exercise_type_id") references "exercise_types" ("id") on update cascade;`);

    this.addSql(`alter table "exercise_options" add constraint "exercise_options_exercise_id_foreign" foreign key ("exercise_id") references "exercises" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "audio_files" add constraint "audio_files_exercise_id_foreign" foreign key ("exercise_id") references "exercises" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "courses" add constraint "courses_from_language_id_foreign" foreign key ("from_language_id") references "languages" ("id") on update cascade;`);
    this.addSql(`alter table "courses" add constraint "courses_to_language_id_foreign" foreign key ("to_language_id") references "languages" ("id") on update cascade;`);

    this.addSql(`alter table "sections" add constraint "sections_course_id_foreign" foreign key ("course_id") references "courses" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "units" add constraint "units_section_id_foreign" foreign key ("section_id") references "sections" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "lessons" add constraint "lessons_unit_id_foreign" foreign key ("unit_id") references "units" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "lesson_prerequisites" add constraint "lesson_prerequisites_lesson_id_foreign" foreign key ("lesson_id") references "lessons" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "lesson_prerequisites" add constraint "lesson_prerequisites_required_lesson_id_foreign" foreign key ("required_lesson_id") references "lessons" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "lesson_exercises" add constraint "lesson_exercises_lesson_id_foreign" foreign key ("lesson_id") references "lessons" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "lesson_exercises" add constraint "lesson_exercises_exercise_id_foreign" foreign key ("exercise_id") references "exercises" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "system_audit_logs" add constraint "system_audit_logs_actor_id_foreign" foreign key ("actor_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "quiz_attempts" add constraint "quiz_attempts_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "posts" add constraint "posts_author_id_foreign" foreign key ("author_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "reactions" add constraint "reactions_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "reactions" add constraint "reactions_post_id_foreign" foreign key ("post_id") references "posts" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "oauth_accounts" add constraint "oauth_accounts_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "habits" add constraint "habits_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "habit_streaks" add constraint "habit_streaks_habit_id_foreign" foreign key ("habit_id") references "habits" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "habit_completions" add constraint "habit_completions_habit_id_foreign" foreign key ("habit_id") references "habits" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "habit_completions" add constraint "habit_completions_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "user_achievements" add constraint "user_achievements_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "user_achievements" add constraint "user_achievements_achievement_id_foreign" foreign key ("achievement_id") references "achievements" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "user_activity_logs" add constraint "user_activity_logs_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "user_answers" add constraint "user_answers_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "user_answers" add constraint "user_answers_quiz_attempt_id_foreign" foreign key ("quiz_attempt_id") references "quiz_attempts" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "user_answers" add constraint "user_answers_question_id_foreign" foreign key ("question_id") references "questions" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "user_avatars" add constraint "user_avatars_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "user_avatars" add constraint "user_avatars_avatar_id_foreign" foreign key ("avatar_id") references "avatars" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "user_badges" add constraint "user_badges_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "user_badges" add constraint "user_badges_badge_id_foreign" foreign key ("badge_id") references "badges" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "user_badges" add constraint "user_badges_granted_by_foreign" foreign key ("granted_by") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "user_courses" add constraint "user_courses_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "user_courses" add constraint "user_courses_course_id_foreign" foreign key ("course_id") references "courses" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "user_daily_xp" add constraint "user_daily_xp_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "user_exercise_interactions" add constraint "user_exercise_interactions_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "user_exercise_interactions" add constraint "user_exercise_interactions_exercise_id_foreign" foreign key ("exercise_id") references "exercises" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "user_exercise_interactions" add constraint "user_exercise_interactions_lesson_id_foreign" foreign key ("lesson_id") references "lessons" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "user_hearts_log" add constraint "user_hearts_log_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "user_highlights" add constraint "user_highlights_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "user_highlights" add constraint "user_highlights_post_id_foreign" foreign key ("post_id") references "posts" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "user_lesson_progress" add constraint "user_lesson_progress_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "user_lesson_progress" add constraint "user_lesson_progress_lesson_id_foreign" foreign key ("lesson_id") references "lessons" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "user_stats_cache" add constraint "user_stats_cache_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "user_streak_days" add constraint "user_streak_days_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "xp_events" add constraint "xp_events_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "xp_events" add constraint "xp_events_reverses_event_id_foreign" foreign key ("reverses_event_id") references "xp_events" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "user_profiles" drop constraint user_profiles_totals_non_negative;`);

    this.addSql(`alter table "user_profiles" add column "avatar_url" varchar(500) null, add column "selected_avatar_id" bigint null, add column "total_lessons_completed" int not null default 0, add column "hearts" smallint not null default 5, add column "hearts_regen_from" timestamptz null, add column "streak_freezes" smallint not null default 0;`);
    this.addSql(`alter table "user_profiles" add constraint "user_profiles_selected_avatar_id_foreign" foreign key ("selected_avatar_id") references "avatars" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "user_profiles_selected_avatar_id_index" on "user_profiles" ("selected_avatar_id");`);
    this.addSql(`alter table "user_profiles" add constraint user_profiles_hearts_non_negative check(hearts >= 0);`);
    this.addSql(`alter table "user_profiles" add constraint user_profiles_streak_freezes_range check(streak_freezes >= 0 and streak_freezes <= 2);`);
    this.addSql(`alter table "user_profiles" add constraint user_profiles_totals_non_negative check(total_exams_taken >= 0 and total_questions_answered >= 0 and total_lessons_completed >= 0);`);

    // --- What PostgreSQL enforces beyond the ORM's metadata (triggers are invisible to db:check) ---

    // updated_at follows every UPDATE, including set-based SQL.
    for (const table of ['courses', 'sections', 'units', 'lessons', 'exercises', 'user_courses', 'user_lesson_progress', 'user_daily_xp', 'habits', 'habit_streaks', 'posts']) {
      this.addSql(`create trigger ${table}_touch_updated_at before update on "${table}" for each row execute function questline_touch_updated_at();`);
    }

    // The XP ledger is append-only; rows go only with their user (ON DELETE CASCADE).
    this.addSql(`create function questline_xp_events_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and not exists (select 1 from users where id = old.user_id) then
    return old;
  end if;
  raise exception 'xp_events is append-only: write a reversing entry instead' using errcode = 'restrict_violation';
end;
$$;`);
    this.addSql(`create trigger xp_events_append_only before update or delete on "xp_events" for each row execute function questline_xp_events_append_only();`);

    // A reversal undoes exactly one entry of the same user: the opposite amount.
    this.addSql(`create function questline_xp_events_reversal_matches() returns trigger language plpgsql as $$
begin
  if new.reverses_event_id is not null and not exists (
    select 1 from xp_events r where r.id = new.reverses_event_id and r.user_id = new.user_id and r.amount = -new.amount
  ) then
    raise exception 'a reversal must negate an entry of the same user' using errcode = 'check_violation';
  end if;
  return new;
end;
$$;`);
    this.addSql(`create trigger xp_events_reversal_matches before insert on "xp_events" for each row execute function questline_xp_events_reversal_matches();`);

    // A multiple-choice exercise has exactly one correct option when its transaction commits
    // (at most one is the partial unique index exercise_options_one_correct).
    this.addSql(`create function questline_assert_one_correct_option(target bigint) returns void language plpgsql as $$
begin
  if exists (
    select 1 from exercises e join exercise_types t on t.id = e.exercise_type_id
     where e.id = target and t.code = 'multiple_choice'
       and (select count(*) from exercise_options o where o.exercise_id = e.id and o.is_correct) <> 1
  ) then
    raise exception 'multiple-choice exercise % must have exactly one correct option', target using errcode = 'check_violation';
  end if;
end;
$$;`);
    this.addSql(`create function questline_check_one_correct_option() returns trigger language plpgsql as $$
begin
  if tg_table_name = 'exercises' then
    perform questline_assert_one_correct_option(new.id);
  elsif tg_op = 'DELETE' then
    perform questline_assert_one_correct_option(old.exercise_id);
  else
    perform questline_assert_one_correct_option(new.exercise_id);
    if tg_op = 'UPDATE' and old.exercise_id <> new.exercise_id then
      perform questline_assert_one_correct_option(old.exercise_id);
    end if;
  end if;
  return null;
end;
$$;`);
    this.addSql(`create constraint trigger exercises_one_correct_option after insert or update of exercise_type_id on "exercises" deferrable initially deferred for each row execute function questline_check_one_correct_option();`);
    this.addSql(`create constraint trigger exercise_options_one_correct_option after insert or update or delete on "exercise_options" deferrable initially deferred for each row execute function questline_check_one_correct_option();`);

    // The prerequisite graph stays acyclic: an edge lesson → required is refused when required
    // already (transitively) depends on lesson.
    this.addSql(`create function questline_refuse_prerequisite_cycle() returns trigger language plpgsql as $$
begin
  if exists (
    with recursive reachable(lesson_id) as (
      select required_lesson_id from lesson_prerequisites where lesson_id = new.required_lesson_id
      union
      select p.required_lesson_id from lesson_prerequisites p join reachable r on p.lesson_id = r.lesson_id
    )
    select 1 from reachable where lesson_id = new.lesson_id
  ) then
    raise exception 'prerequisite % of lesson % would close a cycle', new.required_lesson_id, new.lesson_id using errcode = 'check_violation';
  end if;
  return new;
end;
$$;`);
    this.addSql(`create trigger lesson_prerequisites_acyclic before insert or update on "lesson_prerequisites" for each row execute function questline_refuse_prerequisite_cycle();`);

    // The selected avatar must be a default one or one the user has unlocked; losing it clears the selection.
    this.addSql(`create function questline_selected_avatar_unlocked() returns trigger language plpgsql as $$
begin
  if new.selected_avatar_id is not null
     and not exists (select 1 from avatars where id = new.selected_avatar_id and is_default)
     and not exists (select 1 from user_avatars where user_id = new.user_id and avatar_id = new.selected_avatar_id) then
    raise exception 'avatar % is not unlocked for user %', new.selected_avatar_id, new.user_id using errcode = 'foreign_key_violation';
  end if;
  return new;
end;
$$;`);
    this.addSql(`create trigger user_profiles_selected_avatar_unlocked before insert or update of selected_avatar_id on "user_profiles" for each row execute function questline_selected_avatar_unlocked();`);
    this.addSql(`create function questline_clear_lost_avatar() returns trigger language plpgsql as $$
begin
  update user_profiles set selected_avatar_id = null where user_id = old.user_id and selected_avatar_id = old.avatar_id;
  return old;
end;
$$;`);
    this.addSql(`create trigger user_avatars_clear_selection after delete on "user_avatars" for each row execute function questline_clear_lost_avatar();`);
  }

  override async down(): Promise<void> {
    // Triggers first: they depend on columns dropped below.
    for (const fn of [
      'questline_xp_events_append_only()',
      'questline_xp_events_reversal_matches()',
      'questline_check_one_correct_option()',
      'questline_assert_one_correct_option(bigint)',
      'questline_refuse_prerequisite_cycle()',
      'questline_selected_avatar_unlocked()',
      'questline_clear_lost_avatar()',
    ]) {
      this.addSql(`drop function if exists ${fn} cascade;`);
    }

    this.addSql(`alter table "achievements" drop constraint "achievements_unlocks_avatar_id_foreign";`);

    this.addSql(`alter table "user_avatars" drop constraint "user_avatars_avatar_id_foreign";`);

    this.addSql(`alter table "user_profiles" drop constraint "user_profiles_selected_avatar_id_foreign";`);

    this.addSql(`alter table "avatars" drop constraint "avatars_required_achievement_id_foreign";`);

    this.addSql(`alter table "user_achievements" drop constraint "user_achievements_achievement_id_foreign";`);

    this.addSql(`alter table "user_badges" drop constraint "user_badges_badge_id_foreign";`);

    this.addSql(`alter table "exercises" drop constraint "exercises_exercise_type_id_foreign";`);

    this.addSql(`alter table "exercise_options" drop constraint "exercise_options_exercise_id_foreign";`);

    this.addSql(`alter table "audio_files" drop constraint "audio_files_exercise_id_foreign";`);

    this.addSql(`alter table "lesson_exercises" drop constraint "lesson_exercises_exercise_id_foreign";`);

    this.addSql(`alter table "user_exercise_interactions" drop constraint "user_exercise_interactions_exercise_id_foreign";`);

    this.addSql(`alter table "courses" drop constraint "courses_from_language_id_foreign";`);

    this.addSql(`alter table "courses" drop constraint "courses_to_language_id_foreign";`);

    this.addSql(`alter table "sections" drop constraint "sections_course_id_foreign";`);

    this.addSql(`alter table "user_courses" drop constraint "user_courses_course_id_foreign";`);

    this.addSql(`alter table "user_answers" drop constraint "user_answers_question_id_foreign";`);

    this.addSql(`alter table "units" drop constraint "units_section_id_foreign";`);

    this.addSql(`alter table "lessons" drop constraint "lessons_unit_id_foreign";`);

    this.addSql(`alter table "lesson_prerequisites" drop constraint "lesson_prerequisites_lesson_id_foreign";`);

    this.addSql(`alter table "lesson_prerequisites" drop constraint "lesson_prerequisites_required_lesson_id_foreign";`);

    this.addSql(`alter table "lesson_exercises" drop constraint "lesson_exercises_lesson_id_foreign";`);

    this.addSql(`alter table "user_exercise_interactions" drop constraint "user_exercise_interactions_lesson_id_foreign";`);

    this.addSql(`alter table "user_lesson_progress" drop constraint "user_lesson_progress_lesson_id_foreign";`);

    this.addSql(`alter table "user_answers" drop constraint "user_answers_quiz_attempt_id_foreign";`);

    this.addSql(`alter table "reactions" drop constraint "reactions_post_id_foreign";`);

    this.addSql(`alter table "user_highlights" drop constraint "user_highlights_post_id_foreign";`);

    this.addSql(`alter table "habit_streaks" drop constraint "habit_streaks_habit_id_foreign";`);

    this.addSql(`alter table "habit_completions" drop constraint "habit_completions_habit_id_foreign";`);

    this.addSql(`alter table "xp_events" drop constraint "xp_events_reverses_event_id_foreign";`);

    this.addSql(`drop table if exists "avatars" cascade;`);

    this.addSql(`drop table if exists "achievements" cascade;`);

    this.addSql(`drop table if exists "badges" cascade;`);

    this.addSql(`drop table if exists "exercise_types" cascade;`);

    this.addSql(`drop table if exists "exercises" cascade;`);

    this.addSql(`drop table if exists "exercise_options" cascade;`);

    this.addSql(`drop table if exists "audio_files" cascade;`);

    this.addSql(`drop table if exists "languages" cascade;`);

    this.addSql(`drop table if exists "courses" cascade;`);

    this.addSql(`drop table if exists "questions" cascade;`);

    this.addSql(`drop table if exists "sections" cascade;`);

    this.addSql(`drop table if exists "units" cascade;`);

    this.addSql(`drop table if exists "lessons" cascade;`);

    this.addSql(`drop table if exists "lesson_prerequisites" cascade;`);

    this.addSql(`drop table if exists "lesson_exercises" cascade;`);

    this.addSql(`drop table if exists "system_audit_logs" cascade;`);

    this.addSql(`drop table if exists "quiz_attempts" cascade;`);

    this.addSql(`drop table if exists "posts" cascade;`);

    this.addSql(`drop table if exists "reactions" cascade;`);

    this.addSql(`drop table if exists "oauth_accounts" cascade;`);

    this.addSql(`drop table if exists "habits" cascade;`);

    this.addSql(`drop table if exists "habit_streaks" cascade;`);

    this.addSql(`drop table if exists "habit_completions" cascade;`);

    this.addSql(`drop table if exists "user_achievements" cascade;`);

    this.addSql(`drop table if exists "user_activity_logs" cascade;`);

    this.addSql(`drop table if exists "user_answers" cascade;`);

    this.addSql(`drop table if exists "user_avatars" cascade;`);

    this.addSql(`drop table if exists "user_badges" cascade;`);

    this.addSql(`drop table if exists "user_courses" cascade;`);

    this.addSql(`drop table if exists "user_daily_xp" cascade;`);

    this.addSql(`drop table if exists "user_exercise_interactions" cascade;`);

    this.addSql(`drop table if exists "user_hearts_log" cascade;`);

    this.addSql(`drop table if exists "user_highlights" cascade;`);

    this.addSql(`drop table if exists "user_lesson_progress" cascade;`);

    this.addSql(`drop table if exists "user_stats_cache" cascade;`);

    this.addSql(`drop table if exists "user_streak_days" cascade;`);

    this.addSql(`drop table if exists "xp_events" cascade;`);

    this.addSql(`drop index "user_profiles_selected_avatar_id_index";`);
    this.addSql(`alter table "user_profiles" drop constraint user_profiles_hearts_non_negative;`);
    this.addSql(`alter table "user_profiles" drop constraint user_profiles_streak_freezes_range;`);
    this.addSql(`alter table "user_profiles" drop constraint user_profiles_totals_non_negative;`);
    this.addSql(`alter table "user_profiles" drop column "avatar_url", drop column "selected_avatar_id", drop column "total_lessons_completed", drop column "hearts", drop column "hearts_regen_from", drop column "streak_freezes";`);

    this.addSql(`alter table "user_profiles" add constraint user_profiles_totals_non_negative check((total_exams_taken >= 0) AND (total_questions_answered >= 0));`);
  }

}
