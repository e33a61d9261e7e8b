import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Section } from './section.entity.ts';

export const Unit = defineEntity({
  name: 'Unit',
  tableName: 'units',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    section: p.manyToOne(Section).deleteRule('cascade'),
    position: p.integer(),
    title: p.string().length(200),
    description: p.text().default(''),
    icon: p.string().length(16),
    color: p.string().length(7),
    createdAt: p.datetime().defaultRaw('now()'),
    updatedAt: p.datetime().defaultRaw('now()'),
  }),
  uniques: [
    { properties: ['section', 'position'], name: 'units_section_position_unique', deferMode: 'immediate' },
  ],
  checks: [
    { name: 'units_position_non_negative', expression: 'position >= 0' },
    { name: 'units_color_format', expression: `color ~ '^#[0-9a-fA-F]{6}$'` },
  ],
});
export type Unit = InferEntity<typeof Unit>;
