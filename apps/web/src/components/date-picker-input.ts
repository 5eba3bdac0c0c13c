/**
 * Mantine's date picker together with its styles: both come with the chunks of the screens and controls that use a
 * date picker (the time-travel control, forms), not with the first screen's JavaScript and CSS.
 */
import '@mantine/dates/styles.css';

export { DatePickerInput, type DatePickerInputProps } from '@mantine/dates';
