import * as a11yAnnotations from '@storybook/addon-a11y/preview'
import { setProjectAnnotations } from '@storybook/react-vite'
import * as projectAnnotations from './preview'

// The same annotations the Storybook UI uses, so the tests run each story as it is shown.
setProjectAnnotations([a11yAnnotations, projectAnnotations])
