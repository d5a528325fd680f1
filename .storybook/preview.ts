import type { Preview } from '@storybook/react-vite'
import '../src/theme/styles.css'

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
  },
}

export default preview
