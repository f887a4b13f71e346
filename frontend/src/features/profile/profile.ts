import type { DepartmentProfile, ProfileUpdate } from '../../api/types';

export interface ProfileFormValues {
  name: string;
  duties: string[];
  divisions: string[];
}

export function toProfileFormValues(profile: DepartmentProfile | null | undefined): ProfileFormValues {
  return {
    name: profile?.name ?? '',
    duties: [...(profile?.duties ?? [])],
    divisions: [...(profile?.divisions ?? [])],
  };
}

/** The PUT body: texts trimmed, in the order shown, with the version read. */
export function toProfileUpdate(values: ProfileFormValues, version: number): ProfileUpdate {
  return {
    name: values.name.trim(),
    duties: (values.duties ?? []).map((duty) => duty.trim()),
    divisions: (values.divisions ?? []).map((division) => division.trim()),
    version,
  };
}
