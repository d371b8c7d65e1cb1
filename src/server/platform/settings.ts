import { DEVELOPMENT_SECRET_KEY } from './config.js';

/** The settings services need; defaults are the development ones (tests rely on them). */
export interface ServiceSettings {
  secretKey: string;
  staffIdleMinutes: number;
  citizenIdleMinutes: number;
  sessionMaxHours: number;
  requirePasswordComplexity: boolean;
  passwordMaxAgeDays: number;
}

export const defaultServiceSettings: ServiceSettings = {
  secretKey: DEVELOPMENT_SECRET_KEY,
  staffIdleMinutes: 15,
  citizenIdleMinutes: 30,
  sessionMaxHours: 8,
  requirePasswordComplexity: false,
  passwordMaxAgeDays: 0,
};
