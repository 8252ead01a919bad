import { describeChatTargetContract } from '@herald/testing/contract';
import { googleChatFormatter, googleChatPayloadLimits } from '../../src/index.ts';

describeChatTargetContract(googleChatFormatter, googleChatPayloadLimits);
