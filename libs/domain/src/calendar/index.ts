export * from './calendar-feed';
export * from './icalendar-format';
