// STUB (issue 3): returns no metadata yet; replaced by the meeting-header rules.
import type { ExtractedFacts } from '../schema/contract.js';
import type { ExtractionInput, WarningSink } from './types.js';

export type MeetingFacts = Pick<ExtractedFacts, 'municipality' | 'municipalityCode' | 'committee' | 'meetingDate' | 'documentKind'>;

export function extractMeeting(_input: ExtractionInput, _warn: WarningSink): MeetingFacts {
  return { municipality: null, municipalityCode: null, committee: null, meetingDate: null, documentKind: 'other' };
}
