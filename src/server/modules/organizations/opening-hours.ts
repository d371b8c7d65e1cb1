// The open-now rules live in the contracts so that the portal computes a station's state exactly
// as the nearest answers do; the server's code imports them from here.
export {
  OPENS_NEXT_LOOKAHEAD_DAYS,
  addDays,
  hoursOn,
  openNow,
  shanghaiLocalTime,
  upcomingExceptions,
  weekdayIndexOf,
  type ClockTime,
  type IsoDate,
  type OpenState,
} from '../../../contracts/opening-hours.js';
