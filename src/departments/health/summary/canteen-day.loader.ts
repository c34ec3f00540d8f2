import DataLoader from 'dataloader';
import type { LoaderRecipe } from '../../../core/loaders/loader-cache';
import { healthSource } from '../health-source';
import type { CanteenDay } from './canteen-day';
import { readCanteenDays } from './read-canteen-days';

/** `${hubId}/${date}`: a list of hubs asking for one day costs one batch. */
export type CanteenDayKey = `${number}/${string}`;

export const canteenDays: LoaderRecipe<CanteenDayKey, CanteenDay> = (context) =>
  new DataLoader(async (keys) => {
    const hubsByDate = new Map<string, number[]>();
    for (const key of keys) {
      const [hubId, date] = key.split('/');
      if (!hubsByDate.has(date)) hubsByDate.set(date, []);
      hubsByDate.get(date)!.push(Number(hubId));
    }
    const days = await Promise.all([...hubsByDate].map(([date, hubIds]) => readCanteenDays(healthSource(context), hubIds, date)));
    const found = new Map(days.flat().map((day) => [`${day.hubId}/${day.date}`, day]));
    return keys.map((key) => found.get(key)!);
  });
