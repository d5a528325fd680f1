import type { Preview } from '@storybook/react-vite'
import '../src/theme/styles.css'

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true },
    // axe runs on every story; a violation fails the story's test (in CI too).
    a11y: { test: 'error' },
  },
}

export default preview
