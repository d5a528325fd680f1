import { createMemoryStore } from '../../../src/emulator/memoryStore'
import { describeStoreContract } from './storeContract'

describeStoreContract('the memory store', async () => createMemoryStore())
