/** The 政法委 department of the samples: its own module so pure-logic tests need not load React and antd. */
export const ZFW_DEPARTMENT = 'd0000000-0000-4000-8000-000000000001';
