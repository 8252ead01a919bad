import { describeChatTargetContract } from '@herald/testing/contract';
import { teamsFormatter, teamsPayloadLimits } from '../../src/index.ts';

describeChatTargetContract(teamsFormatter, teamsPayloadLimits);
